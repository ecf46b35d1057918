namespace Sessions;

/// <summary>How far the upload of one file has got: reported after each chunk that takes it further, in order.</summary>
/// <param name="FileName">The file being uploaded (<see cref="MessageFile.Name"/>).</param>
/// <param name="BytesSent">
/// Bytes handed to the connection so far; never decreases (a request the HTTP handler sends again is reported only once it
/// gets past where the first try got), and the last report of a file that was sent whole equals its size.
/// </param>
/// <param name="TotalBytes">The file's size, when known up front (a path, bytes, a seekable stream); null for a stream of unknown length.</param>
public readonly record struct FileUploadProgress(string FileName, long BytesSent, long? TotalBytes);
