using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Orders;

namespace Vms.Data.Configurations;

internal sealed class WelcomeLetterConfiguration : IEntityTypeConfiguration<WelcomeLetter>
{
    public void Configure(EntityTypeBuilder<WelcomeLetter> builder)
    {
        builder.HasOne<Order>().WithMany().HasForeignKey(l => l.OrderId);
        builder.Property(l => l.Recipient).HasMaxLength(200);
    }
}
