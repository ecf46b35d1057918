using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Sessions.Runtime.Tests.Infrastructure;
using Xunit;

namespace Sessions.Runtime.Tests.Lifecycle;

/// <summary>
/// No path leaves a task faulted and unobserved: a finalized faulted task nobody looked at raises
/// <see cref="TaskScheduler.UnobservedTaskException"/>; the test collects garbage after runtime scenarios and fails on any.
/// The event is process-wide, so this class runs alone (<see cref="UnobservedTasks"/>): a test running beside it could
/// neither add its own unobserved tasks to the count nor have them collected by this test's GC.
/// </summary>
[Collection(UnobservedTasks.Name)]
public sealed class UnobservedTaskTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task Runtime_scenarios_leave_no_faulted_task_unobserved()
    {
        var unobserved = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => unobserved.Enqueue(e.Exception);
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            await ScenariosAsync();
            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }

        Assert.True(unobserved.IsEmpty, "unobserved: " + string.Join(" | ", unobserved));
    }

    private async Task ScenariosAsync()
    {
        using var client = engine.Client();
        using var wrongKey = Clients.For(engine.Engine, apiKey: "not-the-key");
        for (var i = 0; i < 10; i++)
        {
            // A session that never connected: the failed create disposes it, which must leave no faulted task behind.
            await Assert.ThrowsAsync<SessionAuthenticationException>(() => wrongKey.Agent("agent-1").CreateSessionAsync(Within.Token()));
            await Assert.ThrowsAsync<SessionNotFoundException>(() => client.ResumeSessionAsync("no-such-session", cancellationToken: Within.Token()));

            // Created and disposed without connecting; disconnected and terminated; dropped and disposed while reconnecting.
            await client.GetSession("never-connected").DisposeAsync();
            var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
            await Turns.RunAsync(session, "echo hi");
            await session.DisconnectAsync(Within.Token());
            await session.TerminateAsync(Within.Token());
            await session.DisposeAsync();

            var dropped = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
            engine.Engine.Faults.ForSession(dropped.SessionId!).DropAfterEvents(1);
            var sending = dropped.SendAsync("echo drop", Within.Token());
            await dropped.DisposeAsync();
            try
            {
                await sending.WaitAsync(Within.Limit); // sent before the dispose, or ended by it: both are fine
            }
            catch (SessionException)
            {
            }
        }
    }
}

/// <summary>The tests that watch a process-wide event: not run in parallel with any other test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class UnobservedTasks
{
    public const string Name = "Unobserved tasks (process-wide)";
}
