namespace GraphApi.Http;

/// <summary>Looks through the <c>Results&lt;…&gt;</c> unions handlers return to the result they hold.</summary>
internal static class HttpResultsExtensions
{
    public static object? Unwrapped(this object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }
        return result;
    }
}
