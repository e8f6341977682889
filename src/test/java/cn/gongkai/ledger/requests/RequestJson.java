package cn.gongkai.ledger.requests;

import java.time.LocalDate;
import java.util.List;

/** JSON bodies for the request API, as a client would write them. */
public final class RequestJson {

    /** The demo applicant's name, ID number, phone and address, as {@link #received(LocalDate)} sends them. */
    public static final List<String> DEMO_APPLICANT = List.of("张三", "410102199001011234", "13800000000",
            "河南省驻马店市开发区1号");

    private RequestJson() {
    }

    public static String received(LocalDate receivedOn) {
        return received(receivedOn, "NATURAL_PERSON", "张三");
    }

    public static String received(LocalDate receivedOn, String category, String applicantName) {
        return """
                {"channel":"INTERNET","receivedOn":"%s","applicantCategory":"%s",
                 "applicant":{"name":"%s","idDocumentType":"居民身份证","idNumber":"410102199001011234",
                              "phone":"13800000000","address":"河南省驻马店市开发区1号"},
                 "informationRequested":"2021年开发区道路建设项目的立项批复文件",
                 "deliveryForm":"ELECTRONIC_BY_EMAIL"}""".formatted(receivedOn, category, applicantName);
    }

    public static String date(String field, LocalDate date) {
        return "{\"%s\":\"%s\"}".formatted(field, date);
    }
}
