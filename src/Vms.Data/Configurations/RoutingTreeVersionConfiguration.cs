using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Routing;

namespace Vms.Data.Configurations;

internal sealed class RoutingTreeVersionConfiguration : IEntityTypeConfiguration<RoutingTreeVersion>
{
    public void Configure(EntityTypeBuilder<RoutingTreeVersion> builder)
    {
        builder.HasOne(v => v.Tree).WithMany().HasForeignKey(v => v.TreeId);
        builder.HasIndex(v => new { v.TreeId, v.VersionNumber }).IsUnique();
        builder.Property(v => v.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Json).Metadata.SetMaxLength(null);
        builder.Property(v => v.CreatedBy).HasMaxLength(200);
    }
}
