package cn.gongkai.ledger.platform;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The key-encryption key's rotation for an administrator: where it stands, and a rotation now
 * instead of at the next scheduled check (after an erasure that must hold on disk at once). One
 * keyring serves every agency, so any agency's ADMIN may rotate it; a rotation reveals and changes
 * no agency's data.
 */
@RestController
@RequestMapping("/api/admin/personal-data-keys")
@PreAuthorize("hasRole('ADMIN')")
class PersonalDataKeyRotationEndpoint {

    private final PersonalDataKeyRotation rotation;

    PersonalDataKeyRotationEndpoint(PersonalDataKeyRotation rotation) {
        this.rotation = rotation;
    }

    @GetMapping
    PersonalDataKeyRotation.Status status() {
        return rotation.status();
    }

    @PostMapping("/rotation")
    PersonalDataKeyRotation.Rotation rotate() {
        return rotation.rotate();
    }
}
