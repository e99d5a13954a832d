"""Where Cognito sent the code."""

from __future__ import annotations

# `typing` is imported by type checkers only: at run time it is most of this package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from .shapes import CodeDeliveryDetailsTypeTypeDef

__all__ = ["CodeDeliveryDetails"]


class CodeDeliveryDetails:
    """Where Cognito sent the code (immutable). Every field is optional in the service model.

    ``delivery_medium`` is ``"EMAIL"`` or ``"SMS"``, or any other value the service sends, kept
    verbatim. Written by hand rather than as a dataclass: importing ``dataclasses`` costs more
    than the rest of this package.
    """

    __slots__ = ("destination", "delivery_medium", "attribute_name")

    destination: Optional[str]
    """The masked destination, e.g. ``"a***@e***.com"``."""
    delivery_medium: Optional[str]
    attribute_name: Optional[str]

    def __init__(
        self,
        destination: Optional[str] = None,
        delivery_medium: Optional[str] = None,
        attribute_name: Optional[str] = None,
    ) -> None:
        object.__setattr__(self, "destination", destination)
        object.__setattr__(self, "delivery_medium", delivery_medium)
        object.__setattr__(self, "attribute_name", attribute_name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"CodeDeliveryDetails is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"CodeDeliveryDetails is immutable; cannot delete {name!r}")

    def _fields(self) -> "tuple[Optional[str], Optional[str], Optional[str]]":
        return (self.destination, self.delivery_medium, self.attribute_name)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CodeDeliveryDetails):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"CodeDeliveryDetails(destination={self.destination!r}, "
            f"delivery_medium={self.delivery_medium!r}, attribute_name={self.attribute_name!r})"
        )

    def __reduce__(self) -> Any:
        return (CodeDeliveryDetails, self._fields())

    def to_dict(self) -> CodeDeliveryDetailsTypeTypeDef:
        """The boto3 shape, ``{"Destination", "DeliveryMedium", "AttributeName"}``, absent fields
        left out."""
        shaped: CodeDeliveryDetailsTypeTypeDef = {}
        if self.destination is not None:
            shaped["Destination"] = self.destination
        if self.delivery_medium is not None:
            shaped["DeliveryMedium"] = self.delivery_medium
        if self.attribute_name is not None:
            shaped["AttributeName"] = self.attribute_name
        return shaped

    @classmethod
    def from_dict(cls, shaped: CodeDeliveryDetailsTypeTypeDef) -> "CodeDeliveryDetails":
        """The inverse of :meth:`to_dict`."""
        return cls(shaped.get("Destination"), shaped.get("DeliveryMedium"), shaped.get("AttributeName"))


CodeDeliveryDetails.__module__ = "cognito_attr_code"
