using System;
using System.Collections.Generic;
using System.Threading;

namespace Sessions.Subscriptions;

/// <summary>
/// What <c>ListenAsync</c> returns: a sequence over one already-registered subscription. It can be
/// enumerated once (ending the enumeration ends the subscription), like the Python SDK's generator;
/// a second enumeration fails loudly instead of silently waiting for events that will never come.
/// </summary>
internal sealed class SubscriptionStream : IAsyncEnumerable<SessionEvent>
{
    private readonly Subscription _subscription;
    private readonly CancellationToken _cancellationToken;
    private int _enumerated;

    public SubscriptionStream(Subscription subscription, CancellationToken cancellationToken)
    {
        _subscription = subscription;
        _cancellationToken = cancellationToken;
    }

    public IAsyncEnumerator<SessionEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) == 1)
        {
            throw new SessionException("A ListenAsync sequence can be enumerated once; call ListenAsync again for another listener.", "listen_enumerated_twice");
        }

        // ListenAsync's token as the iterator's argument, the enumeration's token here: the compiler-generated
        // enumerator links the two when both can cancel, and disposes the linked source with the enumerator.
        return _subscription.ReadAllAsync(_cancellationToken).GetAsyncEnumerator(cancellationToken);
    }
}
