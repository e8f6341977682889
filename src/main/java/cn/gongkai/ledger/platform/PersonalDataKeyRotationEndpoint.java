package cn.gongkai.ledger.platform;

import io.swagger.v3.oas.annotations.Operation;
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

    @Operation(summary = "个人信息密钥状态 / The personal data keys' status")
    @GetMapping
    PersonalDataKeyRotation.Status status() {
        return rotation.status();
    }

    @Operation(summary = "轮换密钥加密密钥 / Rotate the key-encryption key",
            description = "立即轮换，并销毁已删除个人信息的旧版本密钥（ADR 0012）。 / Now, destroying the versions erasures left (ADR 0012).")
    @PostMapping("/rotation")
    PersonalDataKeyRotation.Rotation rotate() {
        return rotation.rotate();
    }
}
