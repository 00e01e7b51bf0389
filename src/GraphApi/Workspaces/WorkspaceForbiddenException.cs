using GraphApi.Http;
using Microsoft.AspNetCore.Mvc;

namespace GraphApi.Workspaces;

/// <summary>An admin bound to one workspace asked to create or delete workspaces, which only admins of the whole service do.</summary>
public sealed class WorkspaceForbiddenException(string message) : Exception(message), IProblemSource
{
    public ProblemDetails Problem => new()
    {
        Status = StatusCodes.Status403Forbidden,
        Title = "The key's role is not enough",
        Detail = Message,
    };
}
