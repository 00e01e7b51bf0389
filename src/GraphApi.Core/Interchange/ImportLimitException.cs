namespace GraphApi.Core.Interchange;

/// <summary>
/// An import (CSV or JSON, through the API or the CLI) is larger than the configured limits; the API answers 413, the
/// CLI exits with an error.
/// </summary>
public sealed class ImportLimitException(string message) : Exception(message);
