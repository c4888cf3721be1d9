using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Identity;
using Vms.Data.Tenancy;

namespace Vms.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.HasOne<Customer>().WithMany().HasForeignKey(u => u.CustomerId);
        builder.HasOne<AuthorisedPerson>().WithMany().HasForeignKey(u => u.AuthorisedPersonId);
        builder.Property(u => u.UserName).HasMaxLength(64);
        builder.Property(u => u.NormalizedUserName).HasMaxLength(64);
        builder.HasIndex(u => u.NormalizedUserName).IsUnique();
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.Property(u => u.PasswordHash).HasMaxLength(200);
        builder.HasMany(u => u.Profiles).WithOne(p => p.User).HasForeignKey(p => p.UserId);
    }
}
