using System;
using System.IO;
using System.Threading.Tasks;
using Sessions;
using Sessions.Engine;

namespace Sessions.Runtime.Tests.Readme;

/// <summary>
/// The README's opening example, compiled and run by <see cref="ReadmeExampleTests"/> so it cannot rot.
/// The lines between the markers are the README's code block, character for character.
/// </summary>
public static class ReadmeExample
{
    public static async Task<string?> RunAsync(TextWriter console)
    {
        // README:begin
        await using var engine = await LocalEngine.StartAsync();        // the bundled local engine
        using var client = new SessionClient(engine.BaseAddress, engine.ApiKey);
        await using var session = await client.Agent("my-agent").CreateSessionAsync();

        var events = session.ListenAsync();                              // registered now: nothing is missed
        await session.SendAsync("Please approve sending the status email.");

        await foreach (var evt in events)
        {
            switch (evt)
            {
                case MessageDeltaEvent delta:
                    console.Write(delta.Delta);                          // the reply, as it streams
                    break;
                case ApprovalRequestEvent approval:
                    console.WriteLine($"[approving {approval.ToolName}]");
                    await session.RespondApprovalAsync(approval, approved: true);
                    break;
                case MessageCompleteEvent complete:
                    console.WriteLine();
                    return complete.Text;
            }
        }
        // README:end

        return null;
    }
}
