using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsunagari.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExpertSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExpertSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Skill = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Slot1 = table.Column<long>(type: "INTEGER", nullable: false),
                    Slot2 = table.Column<long>(type: "INTEGER", nullable: true),
                    Slot3 = table.Column<long>(type: "INTEGER", nullable: true),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AssignedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ClosedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DonatedMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OrganizationRating = table.Column<int>(type: "INTEGER", nullable: true),
                    ProfessionalNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ProfessionalRating = table.Column<int>(type: "INTEGER", nullable: true),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertSessions_AspNetUsers_ProfessionalId",
                        column: x => x.ProfessionalId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ExpertSessions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExpertSessionDeclines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DeclinedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertSessionDeclines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertSessionDeclines_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExpertSessionDeclines_ExpertSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ExpertSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertSessionDeclines_AccountId",
                table: "ExpertSessionDeclines",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertSessionDeclines_SessionId_AccountId",
                table: "ExpertSessionDeclines",
                columns: new[] { "SessionId", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertSessions_OrganizationId_RequestedAt",
                table: "ExpertSessions",
                columns: new[] { "OrganizationId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertSessions_ProfessionalId",
                table: "ExpertSessions",
                column: "ProfessionalId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertSessions_Status_RequestedAt",
                table: "ExpertSessions",
                columns: new[] { "Status", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExpertSessionDeclines");

            migrationBuilder.DropTable(
                name: "ExpertSessions");
        }
    }
}
