using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions;

/// <summary>
/// A small file sent inline: read whole (it is at most <see cref="SessionClientOptions.InlineFileMaxBytes"/>) and
/// base64-encoded into the post frame. Saves the upload's extra round trip, which dominates for small files.
/// </summary>
internal static class InlineFile
{
    /// <summary>Whether an opened file goes inline: its size is known, not zero (the upload refuses that with <c>empty_file</c>) and small enough.</summary>
    public static bool Fits(FileSource source, int maxBytes) => source.Length is { } length && length > 0 && length <= maxBytes;

    /// <summary>Reads a file that <see cref="Fits"/> into an inline part; the source is disposed when it is the upload's.</summary>
    public static async Task<FilePart> ReadAsync(MessageFile file, FileSource source, IProgress<FileUploadProgress>? progress, CancellationToken cancellationToken)
    {
        var length = source.Length!.Value;
        try
        {
            var bytes = new byte[length];
            try
            {
                await source.Stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or NotSupportedException or ObjectDisposedException)
            {
                throw new SessionFileException($"Could not read \"{file.Name}\": {exception.Message} Nothing was posted.", file.Name, FileUploadClient.UnreadableCode, exception);
            }

            progress?.Report(new FileUploadProgress(file.Name, length, length));
            return new FilePart { Name = file.Name, MimeType = file.ContentType, DataBase64 = Convert.ToBase64String(bytes), Size = length };
        }
        finally
        {
            if (source.OwnsStream)
            {
                await source.Stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

/// <summary>
/// How many more bytes one frame may carry inline: many small files together must not make a frame the engine
/// refuses (4 MiB by default), so once <see cref="FileUploadClient.MaxInlineBytes"/> are inline the rest are uploaded.
/// </summary>
internal sealed class InlineBudget
{
    public long RemainingBytes { get; set; } = FileUploadClient.MaxInlineBytes;
}
