using System.Collections.Generic;
using System.Text;

namespace Sessions.Protocol.Schema.Building;

/// <summary>Turns wire names into C# identifiers.</summary>
internal static class Naming
{
    /// <summary>Members a record already has; a property with one of these names gets a suffix.</summary>
    public static readonly HashSet<string> RecordMembers = new(System.StringComparer.Ordinal)
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct",
        "GetType", "MemberwiseClone", "Finalize", "Accept",
    };

    /// <summary>
    /// PascalCase from a wire name: separators (anything not a letter or digit) split words, each word's
    /// first letter is raised, the rest is kept (<c>assistant.message_delta</c> becomes
    /// <c>AssistantMessageDelta</c>, <c>parentId</c> becomes <c>ParentId</c>). A name that would start
    /// with a digit gets a leading underscore; an empty one becomes <c>Value</c>.
    /// </summary>
    public static string ToPascal(string wireName)
    {
        var builder = new StringBuilder(wireName.Length);
        var startOfWord = true;
        foreach (var c in wireName)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }

            builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        if (builder.Length == 0)
        {
            return "Value";
        }

        if (char.IsDigit(builder[0]))
        {
            // A signed number ("+1", "-1", as GitHub's reaction counts) says its sign, so the two stay apart.
            builder.Insert(0, wireName[0] == '+' ? "Plus" : wireName[0] == '-' ? "Minus" : "_");
        }

        return builder.ToString();
    }

    /// <summary>The last PascalCase word of a name (<c>SessionEvent</c> gives <c>Event</c>).</summary>
    public static string LastWord(string pascalName)
    {
        for (var i = pascalName.Length - 1; i > 0; i--)
        {
            if (char.IsUpper(pascalName[i]))
            {
                return pascalName.Substring(i);
            }
        }

        return pascalName;
    }

    /// <summary>Escapes a JSON pointer token (<c>~</c> and <c>/</c>).</summary>
    public static string EscapePointerToken(string token) => token.Replace("~", "~0").Replace("/", "~1");

    /// <summary>Unescapes a JSON pointer token, including percent-encoding from URI fragments.</summary>
    public static string UnescapePointerToken(string token)
        => System.Uri.UnescapeDataString(token).Replace("~1", "/").Replace("~0", "~");
}
