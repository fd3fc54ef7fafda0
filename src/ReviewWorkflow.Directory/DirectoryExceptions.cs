namespace ReviewWorkflow.Directory;

/// <summary>The directory has no group with this id.</summary>
public sealed class DirectoryGroupNotFoundException : Exception
{
    public DirectoryGroupNotFoundException() { }

    public DirectoryGroupNotFoundException(string message) : base(message) { }

    public DirectoryGroupNotFoundException(string message, Exception innerException) : base(message, innerException) { }

    public DirectoryGroupNotFoundException(string groupId, string message, Exception? innerException = null)
        : base(message, innerException) => GroupId = groupId;

    public string? GroupId { get; }
}

/// <summary>The local directory file is missing or malformed. The message names the file and the problem.</summary>
public sealed class DirectoryFileException : Exception
{
    public DirectoryFileException() { }

    public DirectoryFileException(string message) : base(message) { }

    public DirectoryFileException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The directory service refused or failed a request (other than "not found").</summary>
public sealed class DirectoryException : Exception
{
    public DirectoryException() { }

    public DirectoryException(string message) : base(message) { }

    public DirectoryException(string message, Exception innerException) : base(message, innerException) { }
}
