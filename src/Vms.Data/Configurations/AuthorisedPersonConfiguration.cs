using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Tenancy;

namespace Vms.Data.Configurations;

internal sealed class AuthorisedPersonConfiguration : IEntityTypeConfiguration<AuthorisedPerson>
{
    public void Configure(EntityTypeBuilder<AuthorisedPerson> builder)
    {
        builder.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(254);
    }
}
