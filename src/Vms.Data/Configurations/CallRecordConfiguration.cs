using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Calls;
using Vms.Data.Tenancy;

namespace Vms.Data.Configurations;

internal sealed class CallRecordConfiguration : IEntityTypeConfiguration<CallRecord>
{
    public void Configure(EntityTypeBuilder<CallRecord> builder)
    {
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId);
        builder.Property(c => c.CalledNumber).HasMaxLength(32);
        builder.Property(c => c.CallingNumber).HasMaxLength(32);
        builder.Property(c => c.Outcome).HasMaxLength(32);
        builder.Property(c => c.RouteTrace).Metadata.SetMaxLength(null);
        builder.Property(c => c.NodeId).HasMaxLength(64);
        builder.HasIndex(c => new { c.CustomerId, c.SetupAt });
    }
}
