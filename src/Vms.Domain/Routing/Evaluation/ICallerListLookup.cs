using Vms.Domain.Routing.Numbers;

namespace Vms.Domain.Routing.Evaluation;

/// <summary>Caller list ("customer type") membership; see CallerLists.CallerListIndex for an in-memory one.</summary>
public interface ICallerListLookup
{
    bool Contains(Guid customerId, string listId, in CallerInfo caller);
}
