using System;
using System.Collections.Generic;

namespace Sessions.Engine.Uploads;

/// <summary>
/// Checks and completes the files of posted messages before anything is stored: every <c>file_id</c> must be a file
/// of this session, every inline file valid base64, each file within <see cref="FileStore.MaxFileBytes"/> and each
/// message's files together within <see cref="FileStore.MaxMessageBytes"/>. The completed parts carry the engine's
/// own id, name, MIME type and size; inline files are kept under a new id so that the history and
/// <c>GET .../files/{id}</c> treat every file alike.
/// </summary>
internal static class FileReferences
{
    /// <summary>Why a post was refused: an <c>error</c> event's code and text.</summary>
    public readonly record struct Refusal(ErrorCode Code, string Message);

    /// <summary>The messages with their files completed, or a refusal (and then nothing was kept).</summary>
    public static IReadOnlyList<UserMessage> Resolve(FileStore store, string sessionId, IReadOnlyList<UserMessage> messages, bool single, out Refusal? refusal)
    {
        refusal = null;
        var pending = new List<StoredFileEntry>();
        var resolved = new UserMessage[messages.Count];
        for (var m = 0; m < messages.Count; m++)
        {
            var message = messages[m];
            var where = single ? "data.message" : "data.messages[" + m + "]";
            if (message.File is null && message.Files is null)
            {
                resolved[m] = message;
                continue;
            }

            long total = 0;
            FilePart? file = null;
            if (message.File is { } first)
            {
                file = Resolve(store, sessionId, first, where + ".file", pending, ref total, out refusal);
                if (refusal is not null)
                {
                    return messages;
                }
            }

            List<FilePart>? files = null;
            if (message.Files is { } attachments)
            {
                files = new List<FilePart>(attachments.Count);
                for (var i = 0; i < attachments.Count; i++)
                {
                    files.Add(Resolve(store, sessionId, attachments[i], where + ".files[" + i + "]", pending, ref total, out refusal));
                    if (refusal is not null)
                    {
                        return messages;
                    }
                }
            }

            if (total > store.MaxMessageBytes)
            {
                var names = new List<string>();
                if (file is not null)
                {
                    names.Add("\"" + file.Name + "\"");
                }

                foreach (var attachment in files ?? [])
                {
                    names.Add("\"" + attachment.Name + "\"");
                }

                refusal = new Refusal(ErrorCode.MessageTooLarge, "The files of " + where + " (" + string.Join(", ", names) + ") add up to " + total + " bytes, over this engine's limit of " + store.MaxMessageBytes + " bytes per message; nothing was posted.");
                return messages;
            }

            resolved[m] = message with { File = file, Files = files };
        }

        // Only now that every message passed: inline files are kept.
        foreach (var entry in pending)
        {
            store.Add(entry);
        }

        return resolved;
    }

    /// <summary>The files a stored message carries, for its history entry; null when it has none.</summary>
    public static IReadOnlyList<StoredFile>? Describe(UserMessage message)
    {
        if (message.File is null && message.Files is not { Count: > 0 })
        {
            return null;
        }

        var described = new List<StoredFile>();
        if (message.File is { } file)
        {
            described.Add(Describe(file));
        }

        foreach (var attachment in message.Files ?? [])
        {
            described.Add(Describe(attachment));
        }

        return described;
    }

    private static StoredFile Describe(FilePart part)
        => new() { FileId = part.FileId ?? string.Empty, Name = part.Name, MimeType = part.MimeType, Size = part.Size ?? 0 };

    private static FilePart Resolve(FileStore store, string sessionId, FilePart part, string where, List<StoredFileEntry> pending, ref long total, out Refusal? refusal)
    {
        refusal = null;
        if ((part.FileId is null) == (part.DataBase64 is null))
        {
            refusal = new Refusal(ErrorCode.InvalidFrame, where + " needs exactly one of \"data_base64\" (inline) and \"file_id\" (uploaded with POST /v1/sessions/{session_id}/files).");
            return part;
        }

        StoredFileEntry entry;
        if (part.FileId is { } fileId)
        {
            if (store.Find(sessionId, fileId) is not { } stored)
            {
                refusal = new Refusal(ErrorCode.UnknownFile, where + ".file_id \"" + fileId + "\" is not a file of this session; upload it first.");
                return part;
            }

            entry = stored;
        }
        else
        {
            var bytes = Decode(part.DataBase64!);
            if (bytes is null)
            {
                refusal = new Refusal(ErrorCode.InvalidFrame, where + ".data_base64 is not valid base64.");
                return part;
            }

            if (bytes.Length > store.MaxFileBytes)
            {
                refusal = new Refusal(ErrorCode.FileTooLarge, where + " (\"" + part.Name + "\") is " + bytes.Length + " bytes, over this engine's limit of " + store.MaxFileBytes + " bytes per file.");
                return part;
            }

            entry = new StoredFileEntry { Id = FileStore.NewFileId(), SessionId = sessionId, Name = part.Name, MimeType = part.MimeType, Size = bytes.Length, Inline = bytes };
            pending.Add(entry);
        }

        total += entry.Size;
        return part with { FileId = entry.Id, Name = entry.Name, MimeType = entry.MimeType, Size = entry.Size };
    }

    private static byte[]? Decode(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
