namespace Sessions.Connection;

/// <summary>What a <see cref="SessionConnection"/> tells its owner. Called on the receive loop: must not block.</summary>
internal interface IConnectionListener
{
    void OnEvent(SessionEvent evt);

    void OnBadFrame(string problem);

    void OnClosed(SessionConnection connection, ConnectionClosed closed);
}
