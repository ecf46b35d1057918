using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace WebChat;

/// <summary>The page's API: create a chat, stream its events (server-sent events), post messages, answer approvals.</summary>
internal static class ChatEndpoints
{
    public static void MapChat(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/chats");
        api.MapPost("/", CreateAsync);
        api.MapGet("/{id}/events", Events);
        api.MapPost("/{id}/messages", SendAsync);
        api.MapPost("/{id}/approvals/{approvalId}", AnswerAsync);
    }

    private static async Task<Ok<ChatCreated>> CreateAsync(ChatRegistry chats, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var chat = await chats.CreateAsync(configuration["WebChat:AgentId"] ?? "web-assistant", cancellationToken);
        return TypedResults.Ok(new ChatCreated(chat.Session.SessionId!));
    }

    private static Results<ServerSentEventsResult<ChatUpdate>, NotFound> Events(string id, ChatRegistry chats, CancellationToken cancellationToken)
        => chats.Find(id) is { } chat
            ? TypedResults.ServerSentEvents(Stream(chat, cancellationToken))
            : TypedResults.NotFound();

    private static async IAsyncEnumerable<SseItem<ChatUpdate>> Stream(Chat chat, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Registered before the first item is written: the page posts only after the stream is open, so nothing is missed.
        var events = chat.Session.ListenAsync(cancellationToken: cancellationToken);
        yield return new SseItem<ChatUpdate>(new ChatUpdate("ready"), "update");
        await foreach (var evt in events)
        {
            if (evt is ApprovalRequestEvent approval)
            {
                chat.PendingApprovals[approval.Data.ApprovalId] = approval;
            }

            if (ChatUpdate.From(evt) is { } update)
            {
                yield return new SseItem<ChatUpdate>(update, "update");
            }
        }
    }

    private static async Task<Results<Accepted, NotFound, BadRequest<string>>> SendAsync(string id, PostedMessage message, ChatRegistry chats, CancellationToken cancellationToken)
    {
        if (chats.Find(id) is not { } chat)
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrWhiteSpace(message.Text))
        {
            return TypedResults.BadRequest("The message is empty.");
        }

        await chat.Session.SendAsync(message.Text, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<Accepted, NotFound>> AnswerAsync(string id, string approvalId, ApprovalAnswer answer, ChatRegistry chats, CancellationToken cancellationToken)
    {
        if (chats.Find(id) is not { } chat || !chat.PendingApprovals.TryRemove(approvalId, out var approval))
        {
            return TypedResults.NotFound();
        }

        await chat.Session.RespondApprovalAsync(approval, answer.Approved, denyReason: answer.Approved ? null : "Denied in the web chat.", cancellationToken: cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}
