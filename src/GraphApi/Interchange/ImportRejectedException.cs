using GraphApi.Http;
using Microsoft.AspNetCore.Mvc;

namespace GraphApi.Interchange;

/// <summary>
/// An import with errors: nothing was written. Answered 400 with every error (up to Import:MaxReportedErrors) under
/// <c>importErrors</c> (file, line, column or JSON path) and in the <c>errors</c> map keyed by where it is.
/// </summary>
public sealed class ImportRejectedException(IReadOnlyList<ImportError> errors, int maxReported)
    : Exception($"the import has {errors.Count} error(s); nothing was written"), IProblemSource
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;

    public ProblemDetails Problem
    {
        get
        {
            var listed = Errors.Take(maxReported).ToList();
            var shown = Errors.Count > maxReported ? $", the first {maxReported} listed" : "";
            return new HttpValidationProblemDetails(listed.GroupBy(e => e.Location).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The import was rejected",
                Detail = $"{Errors.Count} error(s){shown}; nothing was written.",
                Extensions = { ["importErrors"] = listed, ["errorCount"] = Errors.Count },
            };
        }
    }
}
