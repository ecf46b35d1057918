using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;

namespace Sessions.Protocol.Generator.Tests.Harness;

/// <summary>
/// Walks an object graph through its instance fields (public and private, including base types; auto-properties and
/// record properties are covered through their backing fields) and through the items of non-array enumerables.
/// Cycle-safe (each reference object is visited once) and depth-limited. Strings, primitives, enums and reflection
/// objects are leaves.
/// </summary>
public static class ObjectGraphWalker
{
    /// <summary>How deep the walk goes before it stops descending.</summary>
    public const int DefaultMaxDepth = 48;

    /// <summary>Calls <paramref name="visit"/> with every non-null value reachable from <paramref name="root"/> and its path.</summary>
    public static void Walk(object? root, string rootPath, Action<object, string> visit, int maxDepth = DefaultMaxDepth)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        WalkCore(root, rootPath, visit, visited, 0, maxDepth);
    }

    /// <summary>Every string reachable from <paramref name="root"/>.</summary>
    public static List<string> CollectStrings(object? root)
    {
        var strings = new List<string>();
        Walk(root, "value", (value, _) =>
        {
            if (value is string s)
            {
                strings.Add(s);
            }
        });
        return strings;
    }

    private static void WalkCore(object? value, string path, Action<object, string> visit, HashSet<object> visited, int depth, int maxDepth)
    {
        if (value is null)
        {
            return;
        }

        visit(value, path);
        Type type = value.GetType();
        if (IsLeaf(type) || depth >= maxDepth)
        {
            return;
        }

        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is Array array)
        {
            if (IsLeaf(type.GetElementType()!))
            {
                return;
            }

            int index = 0;
            foreach (object? item in array)
            {
                WalkCore(item, $"{path}[{index++}]", visit, visited, depth + 1, maxDepth);
            }

            return;
        }

        for (Type? current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (FieldInfo field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRef || field.FieldType.IsByRefLike)
                {
                    continue;
                }

                object? fieldValue;
                try
                {
                    fieldValue = field.GetValue(value);
                }
                catch (Exception)
                {
                    continue;
                }

                WalkCore(fieldValue, path + "." + field.Name, visit, visited, depth + 1, maxDepth);
            }
        }

        if (value is IEnumerable enumerable and not string)
        {
            int index = 0;
            try
            {
                foreach (object? item in enumerable)
                {
                    WalkCore(item, $"{path}[{index++}]", visit, visited, depth + 1, maxDepth);
                    if (index > 100_000)
                    {
                        break;
                    }
                }
            }
            catch (Exception)
            {
                // e.g. a default ImmutableArray<T>; its fields were walked already.
            }
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive
        || type.IsEnum
        || type.IsPointer
        || type == typeof(string)
        || type == typeof(decimal)
        || type == typeof(DateTime)
        || type == typeof(DateTimeOffset)
        || type == typeof(TimeSpan)
        || type == typeof(Guid)
        || typeof(MemberInfo).IsAssignableFrom(type)
        || typeof(Delegate).IsAssignableFrom(type)
        || typeof(System.Threading.CancellationToken) == type;
}
