using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Endpoints;

public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
