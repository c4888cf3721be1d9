using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Orders;
using Vms.Data.Tenancy;

namespace Vms.Data.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId);
        builder.Property(o => o.Formula).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.ContactName).HasMaxLength(200);
        builder.Property(o => o.ContactEmail).HasMaxLength(254);
        builder.Property(o => o.ContactPhone).HasMaxLength(32);
        builder.Property(o => o.CreatedBy).HasMaxLength(200);
        builder.Property(o => o.ActivatedBy).HasMaxLength(200);
        builder.Property(o => o.DelayReason).HasMaxLength(400);
    }
}
