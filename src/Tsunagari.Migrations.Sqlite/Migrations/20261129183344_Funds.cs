using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsunagari.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Funds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Funds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", nullable: false),
                    MunicipalityCodes = table.Column<string>(type: "TEXT", nullable: false),
                    NamedAfter = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DesignatedProject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AcceptsDonations = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Funds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Funds_Organizations_HolderOrganizationId",
                        column: x => x.HolderOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Owner = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Flow = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 16, scale: 0, nullable: false),
                    IsMoney = table.Column<bool>(type: "INTEGER", nullable: false),
                    CounterpartyKind = table.Column<int>(type: "INTEGER", nullable: false),
                    CounterpartyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CounterpartyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProjectTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TransferId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Funds_HolderOrganizationId",
                table: "Funds",
                column: "HolderOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Owner_OwnerId_Kind_SourceId_Flow",
                table: "LedgerEntries",
                columns: new[] { "Owner", "OwnerId", "Kind", "SourceId", "Flow" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Owner_OwnerId_OccurredOn",
                table: "LedgerEntries",
                columns: new[] { "Owner", "OwnerId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_TransferId",
                table: "LedgerEntries",
                column: "TransferId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Funds");

            migrationBuilder.DropTable(
                name: "LedgerEntries");
        }
    }
}
