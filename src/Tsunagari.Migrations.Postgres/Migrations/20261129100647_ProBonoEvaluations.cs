using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsunagari.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProBonoEvaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FollowUpAnsweredAt",
                table: "ProBonoProjects",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUpComment",
                table: "ProBonoProjects",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "FollowUpDueOn",
                table: "ProBonoProjects",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FollowUpSentAt",
                table: "ProBonoProjects",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FollowUpUse",
                table: "ProBonoProjects",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProjectEvaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Side = table.Column<int>(type: "integer", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    Rating = table.Column<int>(type: "integer", nullable: false),
                    Use = table.Column<int>(type: "integer", nullable: true),
                    WouldJoinAgain = table.Column<bool>(type: "boolean", nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectEvaluations_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProjectEvaluations_ProBonoProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ProBonoProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProBonoProjects_FollowUpSentAt_FollowUpDueOn",
                table: "ProBonoProjects",
                columns: new[] { "FollowUpSentAt", "FollowUpDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectEvaluations_AccountId",
                table: "ProjectEvaluations",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectEvaluations_ProjectId_Side",
                table: "ProjectEvaluations",
                columns: new[] { "ProjectId", "Side" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProjectEvaluations");

            migrationBuilder.DropIndex(
                name: "IX_ProBonoProjects_FollowUpSentAt_FollowUpDueOn",
                table: "ProBonoProjects");

            migrationBuilder.DropColumn(
                name: "FollowUpAnsweredAt",
                table: "ProBonoProjects");

            migrationBuilder.DropColumn(
                name: "FollowUpComment",
                table: "ProBonoProjects");

            migrationBuilder.DropColumn(
                name: "FollowUpDueOn",
                table: "ProBonoProjects");

            migrationBuilder.DropColumn(
                name: "FollowUpSentAt",
                table: "ProBonoProjects");

            migrationBuilder.DropColumn(
                name: "FollowUpUse",
                table: "ProBonoProjects");
        }
    }
}
