package com.reservationdesk.usage.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** Meter and location names as rated usage writes them, turned into ARM names with the catalog's region and size lists. */
class MeterNamesTest {

  private final MeterNames names = MeterNames.read(new ClassPathResource("partnercenter/catalog/azure-regions.csv"),
      new ClassPathResource("partnercenter/catalog/vm-sizes.csv"));

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      Dsv5 Series           | D4s v5              | Standard_D4s_v5
      Dsv5 Series Windows   | D2s v5              | Standard_D2s_v5
      Esv5 Series           | E16s v5             | Standard_E16s_v5
      FSv2 Series           | F8s v2              | Standard_F8s_v2
      NCSv3 Series          | NC6s v3             | Standard_NC6s_v3
      NCasT4 v3 Series      | NC4as T4 v3         | Standard_NC4as_T4_v3
      M Series              | M8ms                | Standard_M8ms
      HBSv2 Series          | HB120-16rs v2       | Standard_HB120-16rs_v2
      DSv2 Series           | DS1 v2              | Standard_DS1_v2
      Dv3/DSv3 Series       | D2 v3/D2s v3        | Standard_D2s_v3
      A Series Basic        | A1                  | Basic_A1
      Dasv5 Series          | Standard_D4as_v5    | Standard_D4as_v5
      """)
  void aMeterNamesItsArmSize(String subCategory, String meterName, String armSize) {
    assertThat(names.armSize(subCategory, meterName, null)).contains(armSize);
  }

  @ParameterizedTest(name = "{0} / {1}: not reservable")
  @CsvSource(delimiter = '|', textBlock = """
      Dsv5 Series           | D4s v5 Spot
      Dsv5 Series           | D4s v5 Low Priority
      Dv3/DSv3 Series Spot  | D2 v3/D2s v3
      Dsv5 Series           | ''
      """)
  void spotLowPriorityAndUnnamedMetersAreNoSize(String subCategory, String meterName) {
    assertThat(names.armSize(subCategory, meterName, null)).isEmpty();
  }

  @Test
  void theArmSizeInAdditionalInfoWins_whenItIsOne() throws Exception {
    JsonNode info = new ObjectMapper().readTree("{\"ImageType\": null, \"ServiceType\": \"Standard_D2_v3\", \"UsageType\": \"ComputeHR\"}");
    assertThat(names.armSize("Dv3/DSv3 Series", "D2 v3/D2s v3", info)).as("the meter alone would say D2s_v3").contains("Standard_D2_v3");
    JsonNode notASize = new ObjectMapper().readTree("{\"ServiceType\": \"Premium_LRS\"}");
    assertThat(names.armSize("Dsv5 Series", "D4s v5", notASize)).contains("Standard_D4s_v5");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      EU West           | westeurope
      eu west           | westeurope
      westeurope        | westeurope
      West Europe       | westeurope
      EASTUS            | eastus
      US East 2         | eastus2
      DE West Central   | germanywestcentral
      UK South          | uksouth
      AP Southeast      | southeastasia
      Mars North        | marsnorth
      """)
  void aLocationNamesItsArmRegion(String location, String armRegion) {
    assertThat(names.armRegion(location)).isEqualTo(armRegion);
  }

  @Test
  void onlyVirtualMachinesMetersAreVmUsage() {
    assertThat(MeterNames.isVirtualMachines("Virtual Machines")).isTrue();
    assertThat(MeterNames.isVirtualMachines("virtual machines ")).isTrue();
    assertThat(MeterNames.isVirtualMachines("Virtual Machine Licenses")).isFalse();
    assertThat(MeterNames.isVirtualMachines("Storage")).isFalse();
  }
}
