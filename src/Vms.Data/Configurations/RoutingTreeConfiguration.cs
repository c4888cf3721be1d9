using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Routing;
using Vms.Data.Tenancy;

namespace Vms.Data.Configurations;

internal sealed class RoutingTreeConfiguration : IEntityTypeConfiguration<RoutingTree>
{
    public void Configure(EntityTypeBuilder<RoutingTree> builder)
    {
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => new { t.CustomerId, t.Name }).IsUnique();
    }
}
