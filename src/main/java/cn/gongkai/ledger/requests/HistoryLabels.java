package cn.gongkai.ledger.requests;

import cn.gongkai.ledger.requests.events.AnswerApproved;
import cn.gongkai.ledger.requests.events.AnswerDrafted;
import cn.gongkai.ledger.requests.events.AnswerReturned;
import cn.gongkai.ledger.requests.events.ApplicantDataErased;
import cn.gongkai.ledger.requests.events.ApplicantCategoryCorrected;
import cn.gongkai.ledger.requests.events.ConsultationAnswered;
import cn.gongkai.ledger.requests.events.ConsultationStarted;
import cn.gongkai.ledger.requests.events.CorrectionReceived;
import cn.gongkai.ledger.requests.events.CorrectionRequested;
import cn.gongkai.ledger.requests.events.DeadlineExtended;
import cn.gongkai.ledger.requests.events.FeeNoticeIssued;
import cn.gongkai.ledger.requests.events.FeePaid;
import cn.gongkai.ledger.requests.events.FeeWaived;
import cn.gongkai.ledger.requests.events.NoticeDelivered;
import cn.gongkai.ledger.requests.events.NoticeIssued;
import cn.gongkai.ledger.requests.events.OutcomeCorrected;
import cn.gongkai.ledger.requests.events.RequestAnswered;
import cn.gongkai.ledger.requests.events.RequestArchived;
import cn.gongkai.ledger.requests.events.RequestCarriedForward;
import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestLapsed;
import cn.gongkai.ledger.requests.events.RequestReceived;
import cn.gongkai.ledger.requests.events.RequestWithdrawn;

/**
 * Each step of an application's life in the words a case handler uses (每一步). Public so that the
 * application's own view and the audit trail say the same thing in the same words.
 */
public final class HistoryLabels {

    private HistoryLabels() {
    }

    /** The step in plain Chinese, e.g. 延长答复期限10个工作日. */
    public static String of(RequestEvent event) {
        return switch (event) {
            case RequestReceived e -> "收到申请并登记";
            case CorrectionRequested e -> "告知补正";
            case CorrectionReceived e -> "收到补正材料";
            case ConsultationStarted e -> "征求意见（" + e.party().label() + "）";
            case ConsultationAnswered e -> "收到征求意见结果";
            case DeadlineExtended e -> "延长答复期限" + e.workingDays() + "个工作日";
            case FeeNoticeIssued e -> "发出收费通知";
            case FeePaid e -> "缴纳信息处理费";
            case FeeWaived e -> "减免信息处理费";
            case AnswerDrafted e -> "起草答复（第" + e.draftNumber() + "稿）";
            case AnswerReturned e -> "审核退回（第" + e.draftNumber() + "稿）";
            case AnswerApproved e -> "审核通过（第" + e.draftNumber() + "稿）";
            case RequestAnswered e -> "答复申请人：" + e.outcome().label();
            case RequestWithdrawn e -> "申请人撤回申请";
            case RequestLapsed e -> "终止办理：" + e.outcome().label();
            case RequestCarriedForward e -> "结转至" + e.toYear() + "年度继续办理";
            case OutcomeCorrected e -> "更正办理结果：" + e.previousOutcome().label() + " → " + e.correctedOutcome().label();
            case ApplicantCategoryCorrected e -> "更正申请人类别：" + e.previousCategory().label() + " → "
                    + e.correctedCategory().label();
            case RequestArchived e -> "归档";
            case ApplicantDataErased e -> "个人信息已删除";
            case NoticeIssued e -> "出具" + e.kind().label() + "（" + e.documentNumber() + "）";
            case NoticeDelivered e -> "送达文书（" + e.method().label() + "）";
        };
    }
}
