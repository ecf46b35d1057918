using System;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Diagnostics;

namespace Sessions;

/// <summary>Reconnecting after a drop: backoff from the policy, resume after the last seq seen.</summary>
public sealed partial class Session
{
    private async Task ReconnectAsync(Exception? dropError)
    {
        using var activity = _tracing.StartReconnect(SessionId, dropError);
        var policy = _client.Options.ReconnectPolicy!;
        var time = _client.Options.TimeProvider;
        var started = time.GetTimestamp();
        var lastError = dropError;
        CancellationToken lifetime;
        lock (_gate)
        {
            lifetime = _lifetime.Token;
        }

        for (var attempt = 0; ; attempt++)
        {
            var delay = policy.NextDelay(new ReconnectContext(attempt, time.GetElapsedTime(started), lastError));
            if (delay is null)
            {
                GiveUp(new SessionDisconnectedException($"Reconnecting gave up after {attempt} attempt(s).", lastError));
                SessionsTelemetry.RecordFailure(activity, lastError ?? new SessionDisconnectedException("Reconnecting gave up."));
                return;
            }

            try
            {
                await Task.Delay(delay.Value, time, lifetime).ConfigureAwait(false);
                await _lifecycle.WaitAsync(lifetime).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // disconnected or disposed meanwhile: EndAsync settles the state
            }

            try
            {
                if (State != SessionState.Reconnecting)
                {
                    return; // ConnectAsync or an end got there first
                }

                var connection = await OpenAndJoinAsync(lifetime).ConfigureAwait(false);
                BecomeConnected(connection);
                SessionsTelemetry.Reconnects.Add(1);
                _tracing.Reconnected(activity, attempt + 1, time.GetElapsedTime(started));
                Log.Reconnected(_logger, SessionId, attempt + 1);
                return;
            }
            catch (Exception exception) when (exception is SessionAuthenticationException or SessionPermissionException or SessionNotFoundException)
            {
                // The engine said no for good: retrying would only repeat it.
                GiveUp(exception);
                SessionsTelemetry.RecordFailure(activity, exception);
                return;
            }
            catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any other failure is a reason to try again, per the policy.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                lastError = exception;
                Log.ReconnectAttemptFailed(_logger, SessionId, attempt + 1, exception);
            }
            finally
            {
                _lifecycle.Release();
            }
        }
    }

    private void GiveUp(Exception error)
    {
        Log.ReconnectGaveUp(_logger, SessionId, error);
        lock (_gate)
        {
            if (_state != SessionState.Reconnecting)
            {
                return;
            }

            SetState(SessionState.Disconnected);
            _connected.TrySetException(error);
        }

        CompleteSubscriptions(error);
    }
}
