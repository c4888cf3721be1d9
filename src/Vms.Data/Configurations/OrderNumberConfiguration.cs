using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Orders;

namespace Vms.Data.Configurations;

internal sealed class OrderNumberConfiguration : IEntityTypeConfiguration<OrderNumber>
{
    public void Configure(EntityTypeBuilder<OrderNumber> builder)
    {
        builder.HasOne<Order>().WithMany().HasForeignKey(n => n.OrderId);
        builder.Property(n => n.E164).HasMaxLength(16);
    }
}
