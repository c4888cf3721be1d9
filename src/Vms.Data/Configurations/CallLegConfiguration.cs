using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Calls;

namespace Vms.Data.Configurations;

internal sealed class CallLegConfiguration : IEntityTypeConfiguration<CallLeg>
{
    public void Configure(EntityTypeBuilder<CallLeg> builder)
    {
        builder.HasOne(l => l.CallRecord).WithMany().HasForeignKey(l => l.CallRecordId);
        builder.Property(l => l.Destination).HasMaxLength(32);
        builder.Property(l => l.Outcome).HasMaxLength(32);
    }
}
