/**
 * The request register: every application for government information (依申请公开) as an
 * event-sourced {@code InformationRequest}, its commands, its REST API and its read models.
 * The root package holds the vocabulary other modules may use: applicant categories, outcomes,
 * channels.
 */
@org.springframework.modulith.ApplicationModule(displayName = "申请登记 / request register")
package cn.gongkai.ledger.requests;
