namespace GraphApi.Core.Storage;

/// <summary>
/// The store could not be reached or did not answer in time; callers may retry. Unlike the refusals
/// (<see cref="StoreException"/>), it fails a whole batch, and nothing is assumed about what it stored.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : StoreException(message, inner);
