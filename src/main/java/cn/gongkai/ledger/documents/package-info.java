/**
 * The kit for the documents the service prints: PDF from XHTML with the CJK font embedded (so a PDF reads the
 * same on a machine without Chinese fonts), and the DOCX details Word needs to show Chinese text in the
 * official faces (East-Asian fonts on runs, merged header cells, A4 pages). It knows nothing of the domain.
 */
@org.springframework.modulith.ApplicationModule(displayName = "文书排版 / documents")
package cn.gongkai.ledger.documents;
