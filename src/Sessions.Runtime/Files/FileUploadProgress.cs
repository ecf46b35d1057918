namespace Sessions;

/// <summary>How far the upload of one file has got: reported after each chunk, in order, and once more at the end.</summary>
/// <param name="FileName">The file being uploaded (<see cref="MessageFile.Name"/>).</param>
/// <param name="BytesSent">Bytes handed to the connection so far; never decreases, and equals the file's size at the end.</param>
/// <param name="TotalBytes">The file's size, when known up front (a path, bytes, a seekable stream); null for a stream of unknown length.</param>
public readonly record struct FileUploadProgress(string FileName, long BytesSent, long? TotalBytes);
