using Sessions;

namespace Chat;

/// <summary>
/// The progress line of a file being sent: rewritten in place on a terminal, a few steps (every quarter) when the
/// output is piped so the transcript stays short. Reports arrive in order on the uploading thread (this is not
/// <see cref="Progress{T}"/>, which would hand them to the thread pool, out of order).
/// </summary>
internal sealed class UploadProgress(Screen screen) : IProgress<FileUploadProgress>
{
    private int _lastQuarter = -1;

    public void Report(FileUploadProgress value)
    {
        var sent = Size(value.BytesSent);
        var text = value.TotalBytes is { } total and > 0
            ? $"  sending {value.FileName}: {sent} of {Size(total)} ({100 * value.BytesSent / total}%)"
            : $"  sending {value.FileName}: {sent}";
        if (!Console.IsOutputRedirected)
        {
            screen.Write("\r" + text.PadRight(Console.WindowWidth > 1 ? Math.Min(Console.WindowWidth - 1, 79) : 79));
            return;
        }

        var quarter = value.TotalBytes is { } size and > 0 ? (int)(4 * value.BytesSent / size) : 0;
        if (quarter != _lastQuarter)
        {
            _lastQuarter = quarter;
            screen.Line(text);
        }
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / 1048576.0:0.0} MiB"
        : $"{bytes / 1024.0:0.0} KiB";
}
