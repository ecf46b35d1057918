using System;
using System.Collections.Concurrent;
using System.IO;
using System.Security.Cryptography;

namespace Sessions.Engine.Uploads;

/// <summary>
/// The files of every session, by id. Uploaded bytes live in a temp folder the engine owns, made at start-up and
/// deleted (with everything in it) on dispose; nothing else writes there.
/// </summary>
internal sealed class FileStore : IDisposable
{
    private readonly ConcurrentDictionary<string, StoredFileEntry> files = new(StringComparer.Ordinal);
    private int disposed;

    public FileStore(long maxFileBytes, long maxMessageBytes)
    {
        MaxFileBytes = maxFileBytes;
        MaxMessageBytes = maxMessageBytes;
        Folder = Directory.CreateTempSubdirectory("sessions-engine-files-").FullName;
    }

    /// <summary>The engine's own temp folder for uploads.</summary>
    public string Folder { get; }

    public long MaxFileBytes { get; }

    public long MaxMessageBytes { get; }

    public static string NewFileId() => "file_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>Where an upload with this id is written while it arrives (and stays once complete).</summary>
    public string PathFor(string fileId) => System.IO.Path.Combine(Folder, fileId);

    public void Add(StoredFileEntry entry)
    {
        if (!files.TryAdd(entry.Id, entry))
        {
            throw new InvalidOperationException("File id " + entry.Id + " is already taken.");
        }
    }

    /// <summary>The file with this id, when it belongs to the session.</summary>
    public StoredFileEntry? Find(string sessionId, string fileId)
        => files.TryGetValue(fileId, out var entry) && entry.SessionId == sessionId ? entry : null;

    /// <summary>
    /// Forgets a terminated session's files and deletes their bytes: a terminated session can never be resumed, so
    /// nothing can ask for them again. A download already streaming keeps its open handle until it ends.
    /// </summary>
    public void RemoveSession(string sessionId)
    {
        foreach (var entry in files.Values)
        {
            if (entry.SessionId == sessionId && files.TryRemove(entry.Id, out _) && entry.Path is { } path)
            {
                DeleteQuietly(path);
            }
        }
    }

    /// <summary>Deletes a partial upload; a file that is already gone is fine.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still open somewhere (Windows); the folder goes on dispose anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void Dispose()
    {
        if (System.Threading.Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        files.Clear();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A download still streaming a file (Windows locks it): the OS temp cleaner gets the rest.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
