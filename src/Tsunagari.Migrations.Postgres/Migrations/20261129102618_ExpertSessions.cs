using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsunagari.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Topic = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Skill = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Slot1 = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Slot2 = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Slot3 = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AssignedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ClosedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DonatedMinutes = table.Column<int>(type: "integer", nullable: false),
                    OrganizationNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OrganizationRating = table.Column<int>(type: "integer", nullable: true),
                    ProfessionalNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ProfessionalRating = table.Column<int>(type: "integer", nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DeclinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
