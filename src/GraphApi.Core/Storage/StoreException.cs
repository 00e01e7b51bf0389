namespace GraphApi.Core.Storage;

// One file for the store's refusals: each is a one-line type, and they are read together (the API maps each to a status).

/// <summary>Why a store refused or could not run a call. A refused write changed nothing.</summary>
public abstract class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The record exists already (a create with a taken id).</summary>
public sealed class StoreConflictException(string message) : StoreException(message);

/// <summary>The record does not exist.</summary>
public sealed class StoreNotFoundException(string message) : StoreException(message);

/// <summary>The record is not at the revision the caller expected (it changed since the caller read it).</summary>
public sealed class StorePreconditionException(string message) : StoreException(message);

/// <summary>A relationship end is not an actor of the store.</summary>
public sealed class StoreReferenceException(string message) : StoreException(message);
