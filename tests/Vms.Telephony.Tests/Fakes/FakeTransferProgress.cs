using Vms.Telephony.Signalling;

namespace Vms.Telephony.Tests.Fakes;

/// <summary>The NOTIFYs a transferor would receive, as (status, reason).</summary>
internal sealed class FakeTransferProgress : ITransferProgress
{
    public List<(int Status, string Reason)> Reports { get; } = [];

    public Task ReportAsync(int status, string reason)
    {
        Reports.Add((status, reason));
        return Task.CompletedTask;
    }
}
