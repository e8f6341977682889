package cn.gongkai.ledger.requests.write.notices;

import cn.gongkai.ledger.requests.NoticeKind;
import java.util.List;

/**
 * One notice ready to print: what every renderer (XHTML for the PDF and the preview, DOCX) lays out
 * the same way, in the order of a 公文: issuing agency, title, 文号, addressee, body, seal, date.
 *
 * @param documentNumber the 文号, or a placeholder such as 〔预览〕 before it is issued
 * @param paragraphs     the body, one paragraph each; for the answer letter the last one is the remedies
 * @param address        the addressee's address for the envelope line; null when unknown or erased
 */
public record Letter(NoticeKind kind, String agencyName, String title, String documentNumber, String addressee,
                     List<String> paragraphs, String sealText, String dateText, String address) {

    public Letter {
        paragraphs = List.copyOf(paragraphs);
    }
}
