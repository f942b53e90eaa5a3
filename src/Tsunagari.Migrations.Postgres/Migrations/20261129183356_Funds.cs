using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsunagari.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HolderOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Fields = table.Column<List<int>>(type: "integer[]", nullable: false),
                    MunicipalityCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    NamedAfter = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DesignatedProject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AcceptsDonations = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Owner = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Flow = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    IsMoney = table.Column<bool>(type: "boolean", nullable: false),
                    CounterpartyKind = table.Column<int>(type: "integer", nullable: false),
                    CounterpartyId = table.Column<Guid>(type: "uuid", nullable: true),
                    CounterpartyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProjectTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    TransferId = table.Column<Guid>(type: "uuid", nullable: true),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
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
