namespace Chat;

/// <summary>The console, shared by the chat loop and the connection watcher: whole lines never interleave.</summary>
internal sealed class Screen
{
    private readonly Lock _gate = new();
    private bool _midLine;

    /// <summary>Writes text where the cursor is (a streamed reply).</summary>
    public void Write(string text)
    {
        lock (_gate)
        {
            Console.Write(text);
            _midLine = text.Length > 0 ? !text.EndsWith('\n') : _midLine;
        }
    }

    /// <summary>The user typed a line and Enter: the cursor is at the start of a line.</summary>
    public void TypedLine()
    {
        lock (_gate)
        {
            _midLine = false;
        }
    }

    /// <summary>Ends the current line, if something is on it.</summary>
    public void Line()
    {
        lock (_gate)
        {
            if (_midLine)
            {
                Console.WriteLine();
                _midLine = false;
            }
        }
    }

    /// <summary>Writes a whole line, below anything half-written.</summary>
    public void Line(string text)
    {
        lock (_gate)
        {
            if (_midLine)
            {
                Console.WriteLine();
            }

            Console.WriteLine(text);
            _midLine = false;
        }
    }
}
