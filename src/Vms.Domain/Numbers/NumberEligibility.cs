namespace Vms.Domain.Numbers;

/// <summary>Whether the services on a number allow VMS on it (IMP4).</summary>
public static class NumberEligibility
{
    /// <summary>The reasons the number cannot be served; empty when it can.</summary>
    /// <param name="services">The services on the number.</param>
    /// <param name="cnipRemovalConsented">Whether the customer's consent to remove CNIP is recorded.</param>
    public static IReadOnlyList<string> Refusals(NumberServices services, bool cnipRemovalConsented)
    {
        var reasons = new List<string>();
        if (services.HasFlag(NumberServices.Cnip) && !cnipRemovalConsented)
        {
            reasons.Add("The number has CNIP; record the customer's consent to remove it first.");
        }

        if (services.HasFlag(NumberServices.EnterpriseOfficeSwitch))
        {
            reasons.Add("Numbers on an Enterprise Office switch are not accepted.");
        }

        if (services.HasFlag(NumberServices.OneCompanyNumber))
        {
            reasons.Add("One Company Number numbers are not accepted.");
        }

        return reasons;
    }
}
