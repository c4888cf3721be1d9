using System.Collections.Frozen;
using Vms.Domain.Routing.Evaluation;
using Vms.Domain.Routing.Numbers;

namespace Vms.Domain.Routing.CallerLists;

/// <summary>
/// Immutable in-memory caller lists of all customers: exact E.164 numbers and prefixes (stored with a trailing '*').
/// Lookups allocate nothing.
/// </summary>
public sealed class CallerListIndex : ICallerListLookup
{
    private readonly FrozenDictionary<(Guid Customer, string List), Entry> _lists;

    private CallerListIndex(FrozenDictionary<(Guid Customer, string List), Entry> lists) => _lists = lists;

    public static CallerListIndex Empty { get; } = Build([]);

    /// <summary>Builds the index from (customer, list id, values); values are as stored (E.164 or "prefix*").</summary>
    public static CallerListIndex Build(IEnumerable<(Guid Customer, string List, IEnumerable<string> Values)> lists)
    {
        var map = new Dictionary<(Guid, string), Entry>();
        foreach (var (customer, list, values) in lists)
        {
            var exact = new HashSet<string>(StringComparer.Ordinal);
            var prefixes = new List<string>();
            foreach (var value in values)
            {
                if (value.EndsWith('*'))
                {
                    prefixes.Add(value[..^1]);
                }
                else
                {
                    exact.Add(value);
                }
            }

            map[(customer, list)] = new Entry(exact.ToFrozenSet(StringComparer.Ordinal), [.. prefixes]);
        }

        return new CallerListIndex(map.ToFrozenDictionary());
    }

    public bool Contains(Guid customerId, string listId, in CallerInfo caller)
    {
        if (caller.E164 is not { } number || !_lists.TryGetValue((customerId, listId), out var entry))
        {
            return false;
        }

        if (entry.Exact.Contains(number))
        {
            return true;
        }

        foreach (var prefix in entry.Prefixes)
        {
            if (number.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Entry(FrozenSet<string> Exact, string[] Prefixes);
}
