using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions;

/// <summary>Sending messages with files: each file is uploaded first (streamed, with progress), then the message refers to it by id.</summary>
public partial class Session
{
    /// <summary>Uploads the message's files, reporting progress, then posts the message and waits until the engine acknowledges it.</summary>
    /// <param name="message">Text or file, attachments, references; a <see cref="MessageFile"/> converts to a file message.</param>
    /// <param name="progress">Told how many bytes of each file have been sent after each chunk, in order.</param>
    /// <param name="cancellationToken">Stops the upload; nothing is posted.</param>
    /// <exception cref="SessionFileException">A file is too large, empty or unreadable, or its upload was cut off; nothing was posted.</exception>
    public virtual Task SendAsync(UserSessionMessage message, IProgress<FileUploadProgress> progress, CancellationToken cancellationToken = default)
        => SendCoreAsync(message, progress ?? throw new ArgumentNullException(nameof(progress)), cancellationToken);

    /// <summary>Uploads the messages' files, reporting progress, then posts the messages as one turn and waits until the engine acknowledges them.</summary>
    /// <param name="messages">At least one message; strings convert to text messages.</param>
    /// <param name="progress">Told how many bytes of each file have been sent after each chunk, in order.</param>
    /// <param name="cancellationToken">Stops the uploads; nothing is posted.</param>
    public virtual Task SendManyAsync(IEnumerable<UserSessionMessage> messages, IProgress<FileUploadProgress> progress, CancellationToken cancellationToken = default)
        => SendManyCoreAsync(messages, progress ?? throw new ArgumentNullException(nameof(progress)), cancellationToken);

    private async Task SendCoreAsync(UserSessionMessage message, IProgress<FileUploadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await Core.ReadyConnectionAsync(cancellationToken).ConfigureAwait(false);
        var frame = new PostMessageFrame
        {
            RequestId = Core.NextRequestId(),
            Data = new PostMessageFrameData { Message = await ToWireAsync(message, new InlineBudget(), progress, cancellationToken).ConfigureAwait(false) },
        };
        await Core.Tracing.TraceSendAsync(SessionId, 1, () => Core.RequestAsync(frame, cancellationToken)).ConfigureAwait(false);
    }

    private async Task SendManyCoreAsync(IEnumerable<UserSessionMessage> messages, IProgress<FileUploadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = new List<UserSessionMessage>();
        foreach (var message in messages)
        {
            list.Add(message ?? throw new ArgumentException("A message is null.", nameof(messages)));
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("SendManyAsync needs at least one message.", nameof(messages));
        }

        await Core.ReadyConnectionAsync(cancellationToken).ConfigureAwait(false);
        var wire = new List<UserMessage>(list.Count);
        var budget = new InlineBudget();
        foreach (var message in list)
        {
            wire.Add(await ToWireAsync(message, budget, progress, cancellationToken).ConfigureAwait(false));
        }

        var frame = new PostMessagesFrame { RequestId = Core.NextRequestId(), Data = new PostMessagesFrameData { Messages = wire } };
        await Core.Tracing.TraceSendAsync(SessionId, wire.Count, () => Core.RequestAsync(frame, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Opens a file of this session by id (from a history message's <see cref="SessionMessage.Files"/>) and streams its bytes.</summary>
    /// <param name="fileId">The file's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The file's bytes as a stream read from the connection; dispose it.</returns>
    /// <exception cref="SessionFileException">The session holds no such file (<c>unknown_file</c>), or the request failed.</exception>
    public virtual Task<Stream> OpenFileAsync(string fileId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileId);
        var sessionId = SessionId ?? throw new SessionDisconnectedException("The session has no id yet; connect it before reading files.");
        return Client.Files.OpenAsync(sessionId, fileId, cancellationToken);
    }

    /// <summary>
    /// The message as the engine takes it, its files uploaded first; files of known size up to
    /// <see cref="SessionClientOptions.InlineFileMaxBytes"/> go inline instead (the measurement behind the default is in
    /// the README's "Files" section). Either way the engine gives every file an id in the history.
    /// </summary>
    private async Task<UserMessage> ToWireAsync(UserSessionMessage message, InlineBudget budget, IProgress<FileUploadProgress>? progress, CancellationToken cancellationToken)
    {
        List<FilePart>? files = null;
        foreach (var file in message.Files)
        {
            (files ??= new List<FilePart>()).Add(await UploadAsync(file, budget, progress, cancellationToken).ConfigureAwait(false));
        }

        return new UserMessage
        {
            ContentType = message.File is null ? ContentType.Text : ContentType.File,
            Text = message.Text,
            File = message.File is null ? null : await UploadAsync(message.File, budget, progress, cancellationToken).ConfigureAwait(false),
            Files = files,
            References = message.References,
        };
    }

    private async Task<FilePart> UploadAsync(MessageFile file, InlineBudget budget, IProgress<FileUploadProgress>? progress, CancellationToken cancellationToken)
    {
        var sessionId = SessionId ?? throw new SessionDisconnectedException("The session has no id yet; connect it before sending files.");
        var source = file.Open();
        if (InlineFile.Fits(source, (int)Math.Min(Client.Files.InlineMaxBytes, budget.RemainingBytes)))
        {
            budget.RemainingBytes -= source.Length!.Value;
            return await InlineFile.ReadAsync(file, source, progress, cancellationToken).ConfigureAwait(false);
        }

        var stored = await Client.Files.UploadAsync(sessionId, file, source, progress, cancellationToken).ConfigureAwait(false);
        return new FilePart { FileId = stored.FileId, Name = stored.Name, MimeType = stored.MimeType, Size = stored.Size };
    }
}
