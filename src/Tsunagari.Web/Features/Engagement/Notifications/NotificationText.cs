using Microsoft.Extensions.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.Notifications;

/// <summary>A notification as a sentence in the reader's language (the current UI culture).</summary>
public static class NotificationText
{
    public static string Sentence(NotificationKind kind, string subject, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return kind switch
        {
            NotificationKind.SignUpConfirmed => l["「{0}」への参加が確定しました。", subject],
            NotificationKind.SignUpReceived => l["「{0}」への申込を受け付けました。団体の承認をお待ちください。", subject],
            NotificationKind.SignUpApproved => l["「{0}」への申込が承認され、参加が確定しました。", subject],
            NotificationKind.SignUpDeclined => l["「{0}」への申込は承認されませんでした。", subject],
            NotificationKind.Waitlisted => l["「{0}」は定員に達したため、キャンセル待ちになりました。", subject],
            NotificationKind.PromotedFromWaitlist => l["「{0}」に空きが出たため、キャンセル待ちから参加確定になりました。", subject],
            NotificationKind.Reminder => l["明日は「{0}」の日です。", subject],
            NotificationKind.CancelledByOrganization => l["「{0}」への参加は団体によって取り消されました。", subject],
            NotificationKind.CancelledByParticipant => l["「{0}」への参加が参加者によって取り消されました。", subject],
            NotificationKind.OpportunityChanged => l["「{0}」の日時または場所が変わりました。", subject],
            NotificationKind.OpportunityCancelled => l["「{0}」は中止になりました。", subject],
            NotificationKind.HoursReported => l["活動時間の報告が届きました（{0}）。", subject],
            NotificationKind.HoursApproved => l["活動時間の報告が承認されました（{0}）。", subject],
            NotificationKind.HoursRejected => l["活動時間の報告は承認されませんでした（{0}）。", subject],
            NotificationKind.Reinvitation => l["また一緒に活動しませんか、とお誘いが届きました（{0}）。", subject],
            NotificationKind.CoPlanningInvitation => l["活動の企画に加わるお誘いが届きました（{0}）。", subject],
            NotificationKind.CertificateIssued => l["活動証明書が発行されました（{0}）。", subject],
            NotificationKind.NewSignUp => l["「{0}」に新しい申込がありました。", subject],
            NotificationKind.ProBonoChallengeAccepted => l["プロボノの課題「{0}」が受理されました。チームの編成をお待ちください。", subject],
            NotificationKind.ProBonoChangesRequested => l["プロボノの課題「{0}」について、コーディネーターから修正の依頼があります。", subject],
            NotificationKind.ProBonoChallengeDeclined => l["プロボノの課題「{0}」は見送りになりました。", subject],
            NotificationKind.ProBonoProposal => l["プロボノのチーム「{0}」への参加の提案が届きました。承諾するか辞退するかを回答してください。", subject],
            NotificationKind.ProBonoProposalDeclined => l["プロボノのチーム「{0}」への提案が辞退されました。交代の候補を確認してください。", subject],
            NotificationKind.ProBonoChallengeStaffed => l["プロボノの課題「{0}」のチームが決まりました。", subject],
            NotificationKind.ProBonoTeamCancelled => l["プロボノのチーム「{0}」は、メンバーがそろわなかったため編成を取りやめました。", subject],
            NotificationKind.ProBonoEvaluationRequested => l["プロボノのプロジェクト「{0}」が完了しました。ふりかえりの評価をお願いします。", subject],
            NotificationKind.ProBonoFollowUp => l["プロボノのプロジェクト「{0}」の完了から3か月がたちました。成果物を使っているかどうか、アンケートにお答えください。", subject],
            NotificationKind.ExpertSessionProposal => l["短時間の専門相談「{0}」の依頼が届きました。承諾するか辞退するかを回答してください。", subject],
            NotificationKind.ExpertSessionScheduled => l["短時間の専門相談「{0}」の日時が決まりました。", subject],
            NotificationKind.ExpertSessionProposalDeclined => l["短時間の専門相談「{0}」の依頼が専門家に辞退されました。ほかの専門家を選んでください。", subject],
            NotificationKind.ExpertSessionDeclined => l["短時間の専門相談「{0}」は見送りになりました。", subject],
            NotificationKind.ExpertSessionCancelled => l["短時間の専門相談「{0}」は取り消されました。", subject],
            NotificationKind.CollaborationProposalAdopted => l["協働試行制度への提案「{0}」が採択されました。", subject],
            NotificationKind.CollaborationProposalAdoptedWithConditions => l["協働試行制度への提案「{0}」が条件付きで採択されました。条件は提案のページで確認してください。", subject],
            NotificationKind.CollaborationProposalNotAdopted => l["協働試行制度への提案「{0}」は採択されませんでした。", subject],
            NotificationKind.CollectiveSubmissionDue => l["コレクティブ・インパクト「{0}」の共通指標の値をまだ提出していません。期限までに提出してください。", subject],
            _ => subject,
        };
    }

    /// <summary>The label put before a kind's detail (a reason, or what changed), or null to show it plainly.</summary>
    public static string? DetailLabel(NotificationKind kind) => kind switch
    {
        NotificationKind.OpportunityChanged => "変更後：",
        NotificationKind.SignUpDeclined or NotificationKind.CancelledByOrganization or NotificationKind.CancelledByParticipant
            or NotificationKind.OpportunityCancelled or NotificationKind.HoursRejected
            or NotificationKind.ProBonoChallengeDeclined or NotificationKind.ProBonoProposalDeclined
            or NotificationKind.ExpertSessionProposalDeclined or NotificationKind.ExpertSessionDeclined or NotificationKind.ExpertSessionCancelled
            or NotificationKind.CollaborationProposalAdopted or NotificationKind.CollaborationProposalAdoptedWithConditions
            or NotificationKind.CollaborationProposalNotAdopted => "理由：",
        NotificationKind.ProBonoChangesRequested => "コーディネーターから：",
        NotificationKind.CollectiveSubmissionDue => "期間／期限：",
        _ => null,
    };
}
