using System.Collections.Generic;

namespace Sessions.Protocol.Schema.Building;

/// <summary>
/// The names taken in one C# scope (a namespace or a type). Hands out a free name, appending a number
/// when the wanted one is taken, and says who took it so the collision can be reported.
/// </summary>
internal sealed class NameScope
{
    private readonly Dictionary<string, string> _owners = new(System.StringComparer.Ordinal);

    /// <summary>Takes <paramref name="wanted"/>, or the first free <c>wanted2</c>, <c>wanted3</c>...</summary>
    /// <returns>The name taken, and who held <paramref name="wanted"/> when it was not free.</returns>
    public (string Name, string? CollidedWith) Take(string wanted, string owner)
    {
        if (!_owners.TryGetValue(wanted, out var previous))
        {
            _owners[wanted] = owner;
            return (wanted, null);
        }

        for (var i = 2; ; i++)
        {
            var candidate = wanted + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!_owners.ContainsKey(candidate))
            {
                _owners[candidate] = owner;
                return (candidate, previous);
            }
        }
    }

    /// <summary>Whether <paramref name="name"/> is taken.</summary>
    public bool IsTaken(string name) => _owners.ContainsKey(name);

    /// <summary>Marks <paramref name="name"/> as taken without reporting anything.</summary>
    public void Reserve(string name, string owner)
    {
        if (!_owners.ContainsKey(name))
        {
            _owners[name] = owner;
        }
    }
}
