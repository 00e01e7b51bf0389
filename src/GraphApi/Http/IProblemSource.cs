using Microsoft.AspNetCore.Mvc;

namespace GraphApi.Http;

/// <summary>
/// An exception that carries its own problem, for refusals with more to say than a message (an import's errors by file
/// and line): <see cref="ApiExceptionHandler"/> writes <see cref="Problem"/> as it is, so it too has the one shape.
/// </summary>
public interface IProblemSource
{
    ProblemDetails Problem { get; }
}
