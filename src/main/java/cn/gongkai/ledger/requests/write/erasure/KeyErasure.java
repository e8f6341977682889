package cn.gongkai.ledger.requests.write.erasure;

import cn.gongkai.ledger.access.ActorMetaData;
import cn.gongkai.ledger.platform.PersonalDataKeys;
import cn.gongkai.ledger.requests.events.ApplicantDataErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Destroys the application's personal data key when {@link ApplicantDataErased} is recorded. Its
 * processor {@value #PROCESSING_GROUP} is subscribing (application.yaml): the handler runs in the
 * command's unit of work, in the transaction that appends the event, so the event and the erased key
 * commit together or not at all, and the failure of either fails the command (the default error
 * handler propagates). The aggregate stays free of storage concerns.
 */
@Component
@ProcessingGroup(KeyErasure.PROCESSING_GROUP)
@EnableConfigurationProperties(PersonalDataRetention.class)
class KeyErasure {

    static final String PROCESSING_GROUP = "personal-data-keys";

    private final PersonalDataKeys keys;

    KeyErasure(PersonalDataKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(ApplicantDataErased event, @MetaDataValue(ActorMetaData.USERNAME) String erasedBy) {
        keys.erase(event.requestId().toString(), erasedBy, event.reason());
    }
}
